/** The reactor's moving parts, not for use outside net-core (an ArchUnit rule keeps them private). */
package io.webserv.net.internal;
