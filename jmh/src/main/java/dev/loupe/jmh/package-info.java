/**
 * JMH benchmarks of the hot paths: {@link dev.loupe.jmh.DetectBenchmark} (one image from encoded
 * bytes to a decision, one thread and a pool under two threads),
 * {@link dev.loupe.jmh.TrainBenchmark} (a whole training run on a cookie-sized dataset) and
 * {@link dev.loupe.jmh.DatasetBenchmark} (ListDatasetEntries and CreateDataset through the facade
 * at 16,000 images). Data is generated, so nothing is downloaded. Run with {@code jmh/run}.
 */
package dev.loupe.jmh;
