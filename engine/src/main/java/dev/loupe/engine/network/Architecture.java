package dev.loupe.engine.network;

import java.util.Arrays;

/**
 * A fully convolutional anomaly network: blocks of 3x3 convolution and ReLU, 2x2 max pooling
 * between blocks, then a 1x1 convolution to one anomaly logit per cell. The image logit is a
 * smooth maximum of the cell logits ({@link #imageScore}), so the cells form the heat map and
 * training with image labels alone teaches the network where anomalies are.
 *
 * <p>Cells within {@code scoreMargin} of the map's edge do not count towards the image score:
 * their receptive fields reach the image border, where acquisition artefacts (vignetting, a tray
 * edge, a bright corner) separate classes in small datasets for the wrong reason. A real
 * set of ours is separable by one corner's brightness alone; without the margin the network
 * learned exactly that. The heat map still shows every cell.
 *
 * @param inputSize   the square input side in pixels, a multiple of the output stride
 * @param channels    output channels of each 3x3 block
 * @param scoreMargin map cells at each edge left out of the image score
 */
public record Architecture(int inputSize, int[] channels, int scoreMargin) {
    public Architecture {
        channels = channels.clone();
        if (channels.length < 1 || channels.length > 6) {
            throw new IllegalArgumentException("1 to 6 blocks, got " + channels.length);
        }
        for (int c : channels) {
            if (c < 1 || c > 512) {
                throw new IllegalArgumentException("block channels must be 1..512, got " + Arrays.toString(channels));
            }
        }
        int stride = 1 << (channels.length - 1);
        if (inputSize < 16 || inputSize > 1024 || inputSize % stride != 0) {
            throw new IllegalArgumentException("input size must be 16..1024 and a multiple of " + stride + ", got " + inputSize);
        }
        if (scoreMargin < 0 || 2 * scoreMargin >= inputSize / stride) {
            throw new IllegalArgumentException("score margin " + scoreMargin + " leaves no cells of a "
                    + inputSize / stride + "-cell map");
        }
    }

    /** The default: 128 pixels, blocks of 16, 32, 48 and 64 channels (16x16 heat map, margin 2). */
    public static Architecture standard() {
        return new Architecture(128, new int[] {16, 32, 48, 64}, 2);
    }

    /** True for a cell inside the margin, one that counts towards the image score. */
    public boolean scored(int column, int row) {
        int m = mapSize();
        return column >= scoreMargin && row >= scoreMargin && column < m - scoreMargin && row < m - scoreMargin;
    }

    /** The same network at another input size, the margin kept in proportion. */
    public Architecture withInputSize(int size) {
        return resized(size, channels);
    }

    /**
     * Other blocks at the same input size, the margin kept in proportion: one more block halves
     * the map, and the margin with it, so that the same share of the image is left out.
     */
    public Architecture withChannels(int[] blockChannels) {
        return resized(inputSize, blockChannels);
    }

    private Architecture resized(int size, int[] blockChannels) {
        int cellsThen = size >> (blockChannels.length - 1);
        return new Architecture(size, blockChannels, (int) Math.round(scoreMargin * (double) cellsThen / mapSize()));
    }

    /**
     * The image score from the cells inside the margin: {@code log(mean(exp(cell)))}, a smooth
     * maximum (dominated by the largest cells, but every cell counts, which is what lets training
     * reach them all). Computed stably, shifted by the largest cell.
     */
    public double imageScore(float[] cellScores) {
        int m = mapSize();
        double best = Double.NEGATIVE_INFINITY;
        for (int r = scoreMargin; r < m - scoreMargin; r++) {
            for (int c = scoreMargin; c < m - scoreMargin; c++) {
                best = Math.max(best, cellScores[r * m + c]);
            }
        }
        double sum = 0;
        for (int r = scoreMargin; r < m - scoreMargin; r++) {
            for (int c = scoreMargin; c < m - scoreMargin; c++) {
                sum += Math.exp(cellScores[r * m + c] - best);
            }
        }
        int inner = (m - 2 * scoreMargin) * (m - 2 * scoreMargin);
        return best + Math.log(sum / inner);
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    public int blocks() {
        return channels.length;
    }

    public int channels(int block) {
        return channels[block];
    }

    /** Input channels of block {@code b}. */
    public int inputChannels(int block) {
        return block == 0 ? 3 : channels[block - 1];
    }

    /** The side of the feature and heat maps. */
    public int mapSize() {
        return inputSize >> (channels.length - 1);
    }

    /** Channels of the feature map (the last block). */
    public int featureChannels() {
        return channels[channels.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.inputSize == inputSize && Arrays.equals(a.channels, channels)
                && a.scoreMargin == scoreMargin;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputSize + Arrays.hashCode(channels)) + scoreMargin;
    }

    @Override
    public String toString() {
        return "Architecture[inputSize=" + inputSize + ", channels=" + Arrays.toString(channels)
                + ", scoreMargin=" + scoreMargin + "]";
    }
}
