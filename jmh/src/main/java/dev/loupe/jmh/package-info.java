/**
 * JMH benchmarks of the hot paths: {@link dev.loupe.jmh.DetectBenchmark} (one image from encoded
 * bytes to a decision, one thread and a pool under two threads) and
 * {@link dev.loupe.jmh.TrainBenchmark} (a whole training run on a cookie-sized dataset). Data
 * comes from the seeded generator, so nothing is downloaded. Run with {@code jmh/run}.
 */
package dev.loupe.jmh;
