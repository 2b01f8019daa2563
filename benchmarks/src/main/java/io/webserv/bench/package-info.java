/**
 * JMH micro-benchmarks of the codec ({@code http-codec}); how to build and run them, and the latest
 * figures, are in {@code docs/benchmarks.md}. Each benchmark checks in its {@code @Setup} that the codec
 * really produces the expected result on its input, so that a broken parser cannot pass for a fast one.
 */
package io.webserv.bench;
