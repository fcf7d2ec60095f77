package io.github.flexmedia;

/** How {@link MediaAttributes#mergeInto(String, MergeMode)} treats media lists already there. */
public enum MergeMode {
  /**
   * Existing links stay; new ones are added after them, except a link equal to one already in the
   * list, so repeating the same attach changes nothing.
   */
  APPEND,
  /**
   * The lists this {@link MediaAttributes} names are replaced; lists it does not name stay. Links
   * of a type this library does not recognise are kept after the new links, because nothing here
   * can know whether they may be dropped.
   */
  REPLACE
}
