package dev.loupe.engine.model;

import dev.loupe.engine.network.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The label-free scorer: a bank of normal patch features and nearest-neighbour distances to it.
 * Building keeps at most {@code size} patches by greedy k-centre selection (a coreset, as
 * PatchCore does), computed on a seeded random projection so that it stays cheap.
 *
 * <p>An instance owns native copies of the bank ({@link #close()}); not thread-safe.
 */
final class PatchMemory implements AutoCloseable {
    private static final int PROJECTION = 16;

    private final INDArray bank;
    private final INDArray bankNorms;
    private final int channels;

    PatchMemory(Tensor memory) {
        long[] shape = memory.shape();
        this.channels = (int) shape[1];
        this.bank = Nd4j.create(memory.data(), shape, DataType.FLOAT);
        this.bankNorms = bank.mul(bank).sum(1).reshape(shape[0], 1);
    }

    /**
     * Selects the memory from channel-major feature maps ({@code channels x cells} each).
     *
     * @return a tensor {@code [kept, channels]}
     */
    static Tensor build(List<float[]> featureMaps, int channels, int size, long seed) {
        List<float[]> patches = new ArrayList<>();
        for (float[] map : featureMaps) {
            int cells = map.length / channels;
            for (int p = 0; p < cells; p++) {
                float[] v = new float[channels];
                for (int c = 0; c < channels; c++) {
                    v[c] = map[c * cells + p];
                }
                patches.add(v);
            }
        }
        List<float[]> kept = patches.size() <= size ? patches : coreset(patches, channels, size, seed);
        float[] data = new float[kept.size() * channels];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(kept.get(i), 0, data, i * channels, channels);
        }
        return new Tensor(new long[] {kept.size(), channels}, data);
    }

    private static List<float[]> coreset(List<float[]> patches, int channels, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] projection = new float[PROJECTION][channels];
        for (float[] row : projection) {
            for (int c = 0; c < channels; c++) {
                row[c] = (float) (random.nextDouble(-1, 1));
            }
        }
        int n = patches.size();
        float[][] projected = new float[n][PROJECTION];
        for (int i = 0; i < n; i++) {
            float[] v = patches.get(i);
            for (int k = 0; k < PROJECTION; k++) {
                float s = 0;
                for (int c = 0; c < channels; c++) {
                    s += projection[k][c] * v[c];
                }
                projected[i][k] = s;
            }
        }
        float[] nearest = new float[n];
        java.util.Arrays.fill(nearest, Float.MAX_VALUE);
        List<float[]> kept = new ArrayList<>(size);
        int next = random.nextInt(n);
        for (int k = 0; k < size; k++) {
            kept.add(patches.get(next));
            float[] centre = projected[next];
            int farthest = 0;
            for (int i = 0; i < n; i++) {
                float d = 0;
                float[] p = projected[i];
                for (int j = 0; j < PROJECTION; j++) {
                    float diff = p[j] - centre[j];
                    d += diff * diff;
                }
                if (d < nearest[i]) {
                    nearest[i] = d;
                }
                if (nearest[i] > nearest[farthest]) {
                    farthest = i;
                }
            }
            next = farthest;
        }
        return kept;
    }

    /** The distance of each cell of a channel-major feature map to its nearest memory patch. */
    float[] distances(float[] featureMap) {
        int cells = featureMap.length / channels;
        try (INDArray q = Nd4j.create(featureMap, new long[] {channels, cells}, DataType.FLOAT);
             INDArray g = bank.mmul(q)) {
            // |b - q|^2 = |b|^2 - 2 b.q + |q|^2, minimised over the bank for each cell.
            g.muli(-2).addiColumnVector(bankNorms);
            try (INDArray best = g.min(0); INDArray qNorms = q.mul(q).sum(0)) {
                float[] b = best.data().asFloat();
                float[] qn = qNorms.data().asFloat();
                for (int p = 0; p < cells; p++) {
                    b[p] = (float) Math.sqrt(Math.max(0, b[p] + qn[p]));
                }
                return b;
            }
        }
    }

    @Override
    public void close() {
        bank.close();
        bankNorms.close();
    }
}
