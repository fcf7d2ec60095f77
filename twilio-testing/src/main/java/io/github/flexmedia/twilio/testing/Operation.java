package io.github.flexmedia.twilio.testing;

/** The TaskRouter operations the test doubles serve. */
public enum Operation {
  /** {@code GET /v1/Workspaces/{WS}/Tasks/{WT}}. */
  FETCH,
  /** {@code POST /v1/Workspaces/{WS}/Tasks/{WT}} with {@code Attributes}. */
  UPDATE,
  /** {@code POST /v1/Workspaces/{WS}/Tasks}. */
  CREATE
}
