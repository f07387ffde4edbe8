/**
 * Seeded synthetic datasets of industrial parts, so that tests, benchmarks and the demo need no
 * download: {@link dev.loupe.testdata.DatasetGenerator} renders normal and defective images of a
 * {@link dev.loupe.testdata.PartKind} with natural variation (lighting, shifts, rotations, sensor
 * noise), paints {@link dev.loupe.testdata.DefectClass defects} with exact pixel masks, and writes
 * images, Ground Truth colour masks and train/test manifests for classification and
 * segmentation. The same configuration (seed included) writes the same bytes.
 *
 * <p>This is main code, not test code, as in Tribuo: users, tests and the demo share it.
 * Everything here is immutable or confined to one call, and thread-safe.
 */
package dev.loupe.testdata;
