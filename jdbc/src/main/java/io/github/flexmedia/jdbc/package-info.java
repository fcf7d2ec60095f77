/**
 * The durable attach queue store on PostgreSQL, shared by a fleet: {@link
 * io.github.flexmedia.jdbc.JdbcAttachStore}.
 */
package io.github.flexmedia.jdbc;
