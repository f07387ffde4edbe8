package dev.loupe.engine.network;

import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The op configurations every network shares, in training graphs and in direct execution alike,
 * so that the two cannot drift apart.
 */
public final class Convolutions {
    public static final Conv2DConfig CONV3 = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dH(1).dW(1)
            .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
    public static final Conv2DConfig CONV1 = Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).dH(1).dW(1)
            .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    public static final Pooling2DConfig POOL2 = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();

    private Convolutions() {
    }
}
