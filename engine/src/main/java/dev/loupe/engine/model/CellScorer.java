package dev.loupe.engine.model;

import dev.loupe.engine.network.ForwardPass;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.network.Tensor;
import java.util.Optional;

/**
 * The raw score of every heat-map cell of a normalised input, in either scoring mode: the one
 * place that knows how a mode turns network outputs into scores, for detection and for
 * calibration alike. Owns native memory ({@link #close()}); not thread-safe.
 */
final class CellScorer implements AutoCloseable {
    private final ForwardPass network;
    private final PatchMemory memory;

    CellScorer(NetworkWeights weights, ScoringMode mode, Optional<Tensor> memoryBank) {
        this.network = new ForwardPass(weights);
        this.memory = mode == ScoringMode.PATCH_MEMORY ? new PatchMemory(memoryBank.orElseThrow()) : null;
    }

    /** Cell scores of a normalised planar input: logits, or distances to the patch memory. */
    float[] cells(float[] input) {
        ForwardPass.Output out = network.forward(input, memory != null);
        return memory != null ? memory.distances(out.features()) : out.logits();
    }

    @Override
    public void close() {
        network.close();
        if (memory != null) {
            memory.close();
        }
    }
}
