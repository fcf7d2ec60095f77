package io.github.flexmedia;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded, reproducible generated cases for property tests (our own, a few dozen lines: no
 * property-testing library).
 *
 * <p>Every case gets its own seed, derived from a base seed ({@code -Dflexmedia.seed}, fixed by
 * default so that every build runs the same cases). A failing case names its seed; {@code
 * -Dflexmedia.caseSeed=<seed>} runs that case alone. Each property says whether a case reached
 * its interesting path (the merge had something to keep, the reader met a foreign entry, …); a
 * property whose generator almost never gets there fails, so that a generator that drifted into
 * trivial cases cannot pass silently.
 */
final class Cases {
  static final long DEFAULT_SEED = 0x5EED_F1E4L;

  /** One case: checks the property, returns whether it reached the interesting path. */
  interface Property {
    boolean check(SplittableRandom random) throws Exception;
  }

  private Cases() {}

  /**
   * Runs {@code tries} cases and fails unless at least {@code minInteresting} of them reached the
   * interesting path.
   */
  static void forAll(String name, int tries, int minInteresting, Property property) {
    long base = Long.getLong("flexmedia.seed", DEFAULT_SEED);
    Long only = Long.getLong("flexmedia.caseSeed");
    int interesting = 0;
    int run = only != null ? 1 : tries;
    for (int i = 0; i < run; i++) {
      long seed = only != null ? only : new SplittableRandom(base + i).nextLong();
      boolean reached;
      try {
        reached = property.check(new SplittableRandom(seed));
      } catch (Throwable t) {
        throw new AssertionError(
            name + " failed at case " + i + " with seed " + seed
                + " (run it alone with -Dflexmedia.caseSeed=" + seed + "; base seed " + base + ")",
            t);
      }
      if (reached) {
        interesting++;
      }
    }
    System.out.println(name + ": " + interesting + " of " + run + " cases reached the interesting path"
        + " (base seed " + base + ")");
    if (only == null && interesting < minInteresting) {
      throw new AssertionError(
          name + ": only " + interesting + " of " + tries + " cases reached the interesting path"
              + " (at least " + minInteresting + " expected; base seed " + base + ")");
    }
  }

  // --- generators ---------------------------------------------------------------------------

  @SafeVarargs
  static <T> T oneOf(SplittableRandom r, T... values) {
    return values[r.nextInt(values.length)];
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  static String string(SplittableRandom r, String alphabet, int min, int max) {
    int length = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Any code points, surrogate pairs included, but no unpaired surrogates. */
  static String unicode(SplittableRandom r, int min, int max) {
    int length = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp;
      do {
        cp = chance(r, 0.6) ? 0x20 + r.nextInt(0x5F) : r.nextInt(0x110000);
      } while (cp >= 0xD800 && cp <= 0xDFFF);
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  static String hex32(SplittableRandom r) {
    return string(r, "0123456789abcdef", 32, 32);
  }

  static <T> List<T> list(SplittableRandom r, int max, Function<SplittableRandom, T> element) {
    int size = r.nextInt(max + 1);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.apply(r));
    }
    return out;
  }
}
