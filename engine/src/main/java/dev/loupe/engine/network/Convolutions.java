package dev.loupe.engine.network;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The ops every network shares, in training graphs and in direct execution alike, so that the
 * two cannot drift apart: the convolution configurations and 2x2 max pooling.
 *
 * <p>Detection pools by a maximum over a reshaped view ({@code [n, c, h/2, 2, w/2, 2]}, reduced
 * over the two 2-long axes) rather than libnd4j's {@code maxpool2d}: the same values to the last
 * bit, in 2.5 ms against 6 ms for a 16x192x192 map here. Training keeps {@code maxpool2d}: in a
 * graph, the reduction's gradient made a cookie classification run five times slower (451 s
 * against 88 s) where the pooling op's own gradient is fast.
 */
public final class Convolutions {
    public static final Conv2DConfig CONV3 = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
            .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
    public static final Conv2DConfig CONV1 = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).dH(1).dW(1)
            .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    /** Training graphs' pooling (see {@link #maxPool2(INDArray)} for detection's). */
    public static final Pooling2DConfig POOL2 = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();

    private Convolutions() {
    }

    /** 2x2 max pooling with stride 2 of an NCHW array with even sides; a new array. */
    public static INDArray maxPool2(INDArray x) {
        long[] s = x.shape();
        return x.reshape(s[0], s[1], s[2] / 2, 2, s[3] / 2, 2).max(3, 5);
    }
}
