package io.github.flexmedia.twilio.events;

import java.util.List;

/**
 * Where an {@link AttachQueue} keeps the attaches it has accepted and not finished: the storage
 * SPI. The default keeps them in memory, so a crash loses them. Back it with what you already run
 * (a database table, a broker) to survive one: {@link AttachQueue#resubmitStored()} after a
 * restart picks up what was left.
 *
 * <p>Implementations must be thread-safe. An exception from {@link #save} makes {@link
 * AttachQueue#offer} fail, so the webhook can answer 5xx and Twilio retries.
 */
public interface PendingAttachStore {
  /**
   * Keeps an accepted attach, before the queue returns.
   *
   * @param attach the attach
   */
  void save(PendingAttach attach);

  /**
   * Forgets an attach once its outcome has been reported.
   *
   * @param attach the attach
   */
  void remove(PendingAttach attach);

  /**
   * Every attach saved and not removed, for {@link AttachQueue#resubmitStored()}.
   *
   * @return the pending attaches
   */
  List<PendingAttach> pending();
}
