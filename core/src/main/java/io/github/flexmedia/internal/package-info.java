/**
 * Implementation details of flex-media core. Not API: nothing here is exported by the module
 * descriptor, and any of it may change in any release. Do not use.
 */
package io.github.flexmedia.internal;
