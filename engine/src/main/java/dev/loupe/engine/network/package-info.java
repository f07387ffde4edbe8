/**
 * The convolutional network: its shape ({@link dev.loupe.engine.network.Architecture}), its
 * weights as plain arrays ({@link dev.loupe.engine.network.NetworkWeights}), the SameDiff graph
 * that trains it ({@link dev.loupe.engine.network.TrainingGraph}) and the direct forward pass
 * that serves it ({@link dev.loupe.engine.network.ForwardPass}).
 *
 * <p>Why two executions of one architecture: SameDiff differentiates the graph for training, but
 * its per-op bookkeeping costs about a millisecond per op, which at batch size one is more than
 * the convolutions themselves. Detection therefore calls the same libnd4j ops (oneDNN-backed
 * where the native build has it) directly, in the order the architecture defines; a test checks
 * that both give the same outputs.
 */
package dev.loupe.engine.network;
