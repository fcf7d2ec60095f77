/** Implementation details of the Twilio adapter. Not API: may change in any release. */
package io.github.flexmedia.twilio.internal;
