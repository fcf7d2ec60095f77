/**
 * Implementation details of the starter. Not API: anything here may change in any release.
 */
package io.github.flexmedia.spring.internal;
