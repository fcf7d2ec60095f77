package io.github.flexmedia.twilio.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** Callback parameters as Twilio sends them. */
final class Callbacks {
  static final String TOKEN = "primary-auth-token-0123456789abcdef";
  static final String SECONDARY = "secondary-auth-token-fedcba9876543210";
  static final String AC = "AC0123456789abcdef0123456789abcdef";
  static final String CA = "CA0123456789abcdef0123456789abcdef";
  static final String RE = "RE0123456789abcdef0123456789abcdef";
  static final String WS = "WS0123456789abcdef0123456789abcdef";
  static final String WT = "WT0123456789abcdef0123456789abcdef";
  static final String WR = "WR0123456789abcdef0123456789abcdef";
  static final String RECORDING_URL =
      "https://api.twilio.com/2010-04-01/Accounts/" + AC + "/Recordings/" + RE;

  private Callbacks() {}

  static Map<String, String> recording() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", AC);
    p.put("CallSid", CA);
    p.put("RecordingSid", RE);
    p.put("RecordingUrl", RECORDING_URL);
    p.put("RecordingStatus", "completed");
    p.put("RecordingDuration", "42");
    p.put("RecordingChannels", "2");
    p.put("RecordingStartTime", "Thu, 21 Nov 2019 15:32:00 +0000");
    p.put("RecordingSource", "StartCallRecordingAPI");
    p.put("ErrorCode", "0");
    return p;
  }

  static Map<String, String> wrapup(String taskSid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("EventType", "reservation.wrapup");
    p.put("AccountSid", AC);
    p.put("WorkspaceSid", WS);
    p.put("WorkspaceName", "Flex Task Assignment");
    p.put("EventDescription", "Reservation WR... wrapped up");
    p.put("ResourceType", "reservation");
    p.put("ResourceSid", WR);
    p.put("Timestamp", "1574350320");
    p.put("TaskSid", taskSid);
    p.put("ReservationSid", WR);
    p.put("TaskAttributes", "{\"from\":\"+15550100\",\"name\":\"Zoë Patient\"}");
    p.put("TaskAssignmentStatus", "wrapping");
    return p;
  }
}
