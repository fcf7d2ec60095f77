package io.github.flexmedia;

import io.github.flexmedia.InvalidMediaException.Rule;
import io.github.flexmedia.internal.InsightsLinter;
import io.github.flexmedia.internal.Checks;
import io.github.flexmedia.internal.Linter;
import io.github.flexmedia.internal.MediaDocument;



import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The custom media of one TaskRouter Task: task-level links (for the whole conversation) and
 * reservation-level links (for one agent's segment), as Flex Insights reads them from the task's
 * attributes.
 *
 * <pre>{@code
 * MediaAttributes media = MediaAttributes.builder()
 *     .media(MediaLink.embedded("https://support.example.com/tickets/42", "Ticket #42"),
 *            MediaLink.chatTranscript("CH0123456789abcdef0123456789abcdef"))
 *     .reservationMedia("WR0123456789abcdef0123456789abcdef",
 *            MediaLink.referenced("https://crm.example.com/cases/7", "Case 7"))
 *     .build();
 *
 * String newAttributes = media.mergeInto(task.getAttributes(), MergeMode.APPEND);
 * media.lint().forEach(w -> log.warn("{} at {}", w.code(), w.path()));
 * }</pre>
 *
 * <p>A list is either <em>named</em> (the builder was given it, or the document held it) or not.
 * {@link MergeMode#REPLACE} replaces only named lists, so {@code builder().media().build()} names
 * an empty task list and clears it.
 *
 * <p>Immutable, thread-safe, equal by value.
 */
public final class MediaAttributes {
  /**
   * TaskRouter's limit on a Task's {@code attributes}: 4096 characters, whitespace included. The
   * limit is fixed (TaskRouter "Limits and quotas", Task attributes); it cannot be raised. This
   * library counts characters as Java does ({@code String.length()}, UTF-16 code units), which
   * is the hard limit it enforces; Twilio does not state the unit, so {@link #lint()} also warns
   * ({@link MediaWarning.Code#ATTRIBUTES_OVER_4096_UTF8_BYTES}) when the UTF-8 size passes 4096
   * bytes.
   */
  public static final int MAX_TASK_ATTRIBUTES_LENGTH = 4096;

  private static final MediaAttributes EMPTY =
      new MediaAttributes(null, Map.of(), InsightsData.empty(), MediaPolicy.strict());

  private final List<MediaLink> taskMedia; // null: the task-level list is not named
  private final Map<String, List<MediaLink>> reservationMedia;
  private final InsightsData insights;
  private final MediaPolicy policy; // what toBuilder() carries on; not part of the value

  private MediaAttributes(
      List<MediaLink> taskMedia,
      Map<String, List<MediaLink>> reservationMedia,
      InsightsData insights,
      MediaPolicy policy) {
    this.taskMedia = taskMedia;
    this.reservationMedia = reservationMedia;
    this.insights = insights;
    this.policy = policy;
  }

  /**
   * Starts an empty set of media checked against the default {@link MediaPolicy} (https only).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * No media at all: merging it changes nothing.
   *
   * @return no media at all
   */
  public static MediaAttributes empty() {
    return EMPTY;
  }

  /**
   * Reads the media back from a full task attributes document; everything else in it is ignored.
   *
   * <p>Reading is tolerant of other writers, whose links need not follow this library's rules:
   * Flex Conversations' own {@code {"conversation_sid": "CH…"}} entry comes back as {@link
   * MediaLink.FlexConversation}; an entry of an unknown or missing type, or one that breaks a rule
   * (a {@code start_time} in seconds, a malformed SID, an unknown channel), comes back as {@link
   * MediaLink.Unknown}, kept as written, and {@link #lint()} reports it as {@link
   * MediaWarning.Code#INVALID_LINK}. {@code start_time} is read from epoch milliseconds or an ISO
   * 8601 string. Only a document of the wrong shape is refused.
   *
   * @param taskAttributesJson the task's attributes; {@code null}, blank and {@code {}} are empty
   * @return the media of both levels; {@link #empty()} when the document has none
   * @throws MalformedAttributesException if the document is not JSON or not an object, exceeds
   *     the parser's limits, or a {@code conversations}, {@code reservation_attributes} or media
   *     list, or a media entry, is not of its JSON kind (object, array, object)
   */
  public static MediaAttributes fromTaskAttributes(String taskAttributesJson) {
    MediaDocument.Read read = MediaDocument.read(taskAttributesJson);
    if (read.taskMedia() == null && read.reservationMedia().isEmpty()) {
      return EMPTY;
    }
    return new MediaAttributes(
        read.taskMedia(), read.reservationMedia(), InsightsData.empty(), MediaPolicy.strict());
  }

  /**
   * The task-level links in order; empty when there are none.
   *
   * @return the task-level links in order
   */
  public List<MediaLink> taskMedia() {
    return taskMedia == null ? List.of() : taskMedia;
  }

  /**
   * Whether this names a task-level list (possibly empty), which {@code REPLACE} would replace.
   *
   * @return whether this names a task-level list (possibly empty), which {@code REPLACE} would replace
   */
  public boolean hasTaskMedia() {
    return taskMedia != null;
  }

  /**
   * The reservation-level lists, keyed by reservation SID, in insertion order.
   *
   * @return the reservation-level lists, keyed by reservation SID, in insertion order
   */
  public Map<String, List<MediaLink>> reservationMedia() {
    return reservationMedia;
  }

  /**
   * The Flex Insights fields written with the media (see {@link InsightsData}); empty unless the
   * builder was given some. {@link #fromTaskAttributes(String)} reads media only: read the fields
   * with {@link InsightsData#fromTaskAttributes(String)}.
   *
   * @return the Insights fields written with the media
   */
  public InsightsData insights() {
    return insights;
  }

  /**
   * A copy with {@code data} as its Insights fields instead of these, and the same links, which are
   * not checked again (a document read back keeps other writers' links as they are). Pairs what
   * the two readers give, for a preview of a stored task:
   *
   * <pre>{@code
   * MediaAttributes.fromTaskAttributes(json).withInsights(InsightsData.fromTaskAttributes(json));
   * }</pre>
   *
   * @param data the Insights fields
   * @return the copy
   * @throws InvalidMediaException if this was built under a HIPAA {@link MediaPolicy} and {@code
   *     data} holds fields Twilio's HIPAA filter drops
   */
  public MediaAttributes withInsights(InsightsData data) {
    MediaAttributes copy = new MediaAttributes(
        taskMedia, reservationMedia, Objects.requireNonNull(data, "data"), policy);
    if (policy.isHipaa()) {
      policy.check(copy);
    }
    return copy;
  }

  /**
   * Whether no list is named and no Insights field is set: merging it changes nothing.
   *
   * @return whether no list is named and no Insights field is set
   */
  public boolean isEmpty() {
    return taskMedia == null && reservationMedia.isEmpty() && insights.isEmpty();
  }

  /**
   * A builder holding these media and the {@link MediaPolicy} they were built with (the strict
   * default for media read from a document), for edits.
   *
   * @return a builder holding these values, for edits
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.policy = policy;
    if (taskMedia != null) {
      b.taskMedia = new ArrayList<>(taskMedia);
    }
    reservationMedia.forEach((sid, links) -> b.reservationMedia.put(sid, new ArrayList<>(links)));
    b.insights.putAll(insights);
    return b;
  }

  /**
   * Only the media parts, minified, in the schema Flex reads: {@code {"conversations":{"media":[..
   * ]},"reservation_attributes":{"WR..":{"media":[..]}}}}. Parts that are not named are left out;
   * {@link #empty()} gives {@code {}}.
   *
   * @return only the media parts, minified, in the schema Flex reads
   */
  public String toJson() {
    return MediaDocument.write(taskMedia, reservationMedia, insights.values());
  }

  /**
   * Merges these media into a task's full attributes document and returns the new document,
   * minified. Everything else in the document is kept by value: key order, nested values, {@code
   * null}s, unicode, big and precise numbers.
   *
   * @param existingTaskAttributesJson the task's current attributes; {@code null}, blank and
   *     {@code {}} are an empty document
   * @param mode how lists already in the document are treated
   * @return the complete new attributes document, minified
   * @throws MalformedAttributesException if the document or its media parts have the wrong shape
   */
  public String mergeInto(String existingTaskAttributesJson, MergeMode mode) {
    Objects.requireNonNull(mode, "mode");
    return MediaDocument.merge(
        existingTaskAttributesJson, taskMedia, reservationMedia, mode, insights.values());
  }

  /**
   * Checks the Flex display rules (see {@link MediaWarning.Code}). Works offline and never throws.
   *
   * @return the warnings in document order; empty when Flex will show what the lists say
   */
  public List<MediaWarning> lint() {
    List<MediaWarning> all = new ArrayList<>(Linter.lint(this));
    all.addAll(insights.lint());
    return List.copyOf(all);
  }

  /**
   * {@link #lint()} plus what a write to a task in {@code state} at {@code now} achieves: a task
   * already completed or canceled has been taken by Flex Insights, which ignores later changes to
   * its attributes ({@link MediaWarning.Code#WRITTEN_AFTER_COMPLETION} for each Insights field);
   * media links alone may still change within {@link TaskState#MEDIA_WINDOW} of completion, after
   * which the task is deleted (Twilio, "Add Additional TaskRouter Data").
   *
   * @param state the task's status and, when completed or canceled, since when
   * @param now the time of the write
   * @return the warnings; never throws
   */
  public List<MediaWarning> lint(TaskState state, java.time.Instant now) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
    List<MediaWarning> all = new ArrayList<>(lint());
    all.addAll(InsightsLinter.timing(this, state, now));
    return List.copyOf(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaAttributes m
        && Objects.equals(m.taskMedia, taskMedia)
        && m.insights.equals(insights)
        && m.reservationMedia.equals(reservationMedia)
        // Map equality ignores order; the order of segments is part of the document.
        && List.copyOf(m.reservationMedia.keySet()).equals(List.copyOf(reservationMedia.keySet()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskMedia, reservationMedia, insights);
  }

  /** Shows link types and URL hosts only; never paths, queries or titles. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MediaAttributes{");
    if (taskMedia != null) {
      sb.append("task=").append(taskMedia);
    }
    if (!reservationMedia.isEmpty()) {
      sb.append(taskMedia != null ? ", " : "").append("reservations=").append(reservationMedia);
    }
    if (!insights.isEmpty()) {
      sb.append(sb.length() > "MediaAttributes{".length() ? ", " : "").append("insights=")
          .append(insights.paths());
    }
    return sb.append('}').toString();
  }

  /**
   * Builds {@link MediaAttributes}. Links are appended in call order; every link is checked
   * against the {@link MediaPolicy} at {@link #build()}.
   */
  public static final class Builder {
    private List<MediaLink> taskMedia; // null until media(...) is called
    private final Map<String, List<MediaLink>> reservationMedia = new LinkedHashMap<>();
    private final InsightsData.Builder insights = InsightsData.builder();
    private MediaPolicy policy = MediaPolicy.strict();

    private Builder() {}

    /**
     * Adds Flex Insights fields to write with the media, in the same read–merge–write (see {@link
     * InsightsData}); a later call replaces values at the same paths. Under a {@link MediaPolicy}
     * with {@link MediaPolicy.Builder#hipaa(boolean) hipaa(true)}, {@link #build()} refuses fields
     * Twilio's HIPAA filter would drop.
     *
     * @param data the fields
     * @return this builder
     */
    public Builder insights(InsightsData data) {
      insights.putAll(Objects.requireNonNull(data, "data"));
      return this;
    }

    /**
     * Appends task-level links (shown for the whole conversation). Calling it with no links still
     * names the task-level list, so that {@link MergeMode#REPLACE} clears it.
     *
     * @param links the links, in order
     * @return this builder
     * @throws InvalidMediaException if a link is {@code null}
     */
    public Builder media(MediaLink... links) {
      return media(Arrays.asList(Objects.requireNonNull(links, "links")));
    }

    /**
     * Appends task-level links; see {@link #media(MediaLink...)}.
     *
     * @param links the links, in order
     * @return this builder
     */
    public Builder media(Collection<? extends MediaLink> links) {
      if (taskMedia == null) {
        taskMedia = new ArrayList<>();
      }
      addAll("conversations.media", taskMedia, links);
      return this;
    }

    /**
     * Appends links for one reservation (one agent's segment). A reservation with its own list
     * shows only that list, not the task-level links.
     *
     * @param reservationSid {@code WR} and 32 hex digits
     * @param links the links, in order
     * @return this builder
     * @throws InvalidMediaException if the SID is malformed or a link is {@code null}
     */
    public Builder reservationMedia(String reservationSid, MediaLink... links) {
      return reservationMedia(reservationSid, Arrays.asList(Objects.requireNonNull(links, "links")));
    }

    /**
     * Appends links for one reservation; see {@link #reservationMedia(String, MediaLink...)}.
     *
     * @param reservationSid the reservation: {@code WR} and 32 hex digits
     * @param links the links, in order
     * @return this builder
     */
    public Builder reservationMedia(String reservationSid, Collection<? extends MediaLink> links) {
      Checks.reservationSid("reservationSid", reservationSid);
      List<MediaLink> list = reservationMedia.computeIfAbsent(reservationSid, k -> new ArrayList<>());
      addAll("reservation_attributes." + reservationSid + ".media", list, links);
      return this;
    }

    /**
     * The policy every link must satisfy; {@link MediaPolicy#strict()} by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(MediaPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    private static void addAll(
        String path, List<MediaLink> target, Collection<? extends MediaLink> links) {
      int i = target.size();
      for (MediaLink link : links) {
        if (link == null) {
          throw new InvalidMediaException(path + "[" + i + "]", Rule.NOT_NULL, "must not be null");
        }
        target.add(link);
        i++;
      }
    }

    /**
     * The media.
     *
     * @return the media
     * @throws InvalidMediaException if a link breaks the {@link MediaPolicy}; the field names
     *     the link's JSON path
     */
    public MediaAttributes build() {
      InsightsData data = insights.build();
      if (taskMedia == null && reservationMedia.isEmpty() && data.isEmpty()) {
        return policy.equals(MediaPolicy.strict())
            ? EMPTY
            : new MediaAttributes(null, Map.of(), data, policy);
      }
      Map<String, List<MediaLink>> reservations = new LinkedHashMap<>();
      reservationMedia.forEach((sid, links) -> reservations.put(sid, List.copyOf(links)));
      MediaAttributes media = new MediaAttributes(
          taskMedia == null ? null : List.copyOf(taskMedia),
          Collections.unmodifiableMap(reservations),
          data,
          policy);
      policy.check(media);
      return media;
    }
  }
}
