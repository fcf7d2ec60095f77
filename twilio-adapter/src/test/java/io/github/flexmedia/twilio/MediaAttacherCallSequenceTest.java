package io.github.flexmedia.twilio;

import static io.github.flexmedia.twilio.Sids.WS;
import static io.github.flexmedia.twilio.Sids.WT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.github.flexmedia.MediaAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class MediaAttacherCallSequenceTest {
  @Mock TaskRouterClient client;

  private MediaAttacher attacher() {
    return MediaAttacher.builder(client).sleeper(d -> { }).build();
  }

  private static TaskSnapshot snapshot(String attributes, String etag) {
    return new TaskSnapshot(WS, WT, attributes, etag, "assigned", "voice");
  }

  @Test
  void fetchThenConditionalUpdateWithTheFetchedEtag() {
    when(client.fetchTask(WS, WT)).thenReturn(snapshot("{\"a\":1}", "\"e1\""));
    when(client.updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\"")))
        .thenReturn(snapshot("{}", "\"e2\""));

    attacher().attach(WS, WT, Sids.ticket());

    ArgumentCaptor<String> written = ArgumentCaptor.forClass(String.class);
    InOrder order = inOrder(client);
    order.verify(client).fetchTask(WS, WT);
    order.verify(client).updateTaskAttributes(eq(WS), eq(WT), written.capture(), eq("\"e1\""));
    verifyNoMoreInteractions(client);
    assertThat(written.getValue()).startsWith("{\"a\":1,\"conversations\":");
    assertThat(MediaAttributes.fromTaskAttributes(written.getValue())).isEqualTo(Sids.ticket());
  }

  @Test
  void conflictRefetchesAndUsesTheNewEtag() {
    when(client.fetchTask(WS, WT))
        .thenReturn(snapshot("{}", "\"e1\""))
        .thenReturn(snapshot("{\"other\":true}", "\"e2\""));
    when(client.updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\"")))
        .thenThrow(new TaskConflictException("conflict", 0, null));
    when(client.updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e2\"")))
        .thenReturn(snapshot("{}", "\"e3\""));

    AttachResult result = attacher().attach(WS, WT, Sids.ticket());

    InOrder order = inOrder(client);
    order.verify(client).fetchTask(WS, WT);
    order.verify(client).updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\""));
    order.verify(client).fetchTask(WS, WT);
    ArgumentCaptor<String> second = ArgumentCaptor.forClass(String.class);
    order.verify(client).updateTaskAttributes(eq(WS), eq(WT), second.capture(), eq("\"e2\""));
    assertThat(second.getValue()).startsWith("{\"other\":true,");
    assertThat(result.task().etag()).isEqualTo("\"e3\"");
  }

  @Test
  void rateLimitRetriesTheSameWriteWithoutRefetching() {
    when(client.fetchTask(WS, WT)).thenReturn(snapshot("{}", "\"e1\""));
    when(client.updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\"")))
        .thenThrow(new RateLimitedException("429", 20429, Duration.ofMillis(5), null))
        .thenReturn(snapshot("{}", "\"e2\""));

    attacher().attach(WS, WT, Sids.ticket());

    verify(client, times(1)).fetchTask(WS, WT);
    verify(client, times(2)).updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\""));
  }

  @Test
  void serverErrorOnAConditionalUpdateResendsTheSameUpdateWithoutReadingAgain() {
    // Safe because of If-Match: had the first update landed, the ETag would have moved and the
    // resend would get a 412 (then a read). So one 503 costs exactly one more request.
    when(client.fetchTask(WS, WT)).thenReturn(snapshot("{}", "\"e1\""));
    when(client.updateTaskAttributes(any(), any(), any(), any()))
        .thenThrow(new TaskRouterException("503", 503, 0, null))
        .thenReturn(snapshot("{}", "\"e2\""));

    attacher().attach(WS, WT, Sids.ticket());

    verify(client, times(1)).fetchTask(WS, WT);
    verify(client, times(2)).updateTaskAttributes(eq(WS), eq(WT), anyString(), eq("\"e1\""));
  }

  @Test
  void nonRetryableFailureIsThrownAsIsAfterOneCall() {
    when(client.fetchTask(WS, WT)).thenThrow(new TaskRouterException("bad request", 400, 20001, null));

    assertThatThrownBy(() -> attacher().attach(WS, WT, Sids.ticket()))
        .isInstanceOf(TaskRouterException.class)
        .hasMessage("bad request");
    verify(client, times(1)).fetchTask(WS, WT);
    verifyNoMoreInteractions(client);
  }
}
