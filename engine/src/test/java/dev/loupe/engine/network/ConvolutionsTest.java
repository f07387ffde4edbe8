package dev.loupe.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.factory.Nd4j;

class ConvolutionsTest {
    @Test
    void detectionPoolingEqualsTheTrainingGraphsPoolingOpBitForBit() {
        Nd4j.getRandom().setSeed(11);
        for (long[] shape : new long[][] {{1, 3, 8, 8}, {2, 5, 16, 12}, {1, 16, 64, 64}}) {
            try (INDArray x = Nd4j.randn(DataType.FLOAT, shape);
                 INDArray expected = Nd4j.exec(new MaxPooling2D(x, null, Convolutions.POOL2))[0];
                 INDArray actual = Convolutions.maxPool2(x)) {
                assertArrayEquals(expected.shape(), actual.shape());
                assertArrayEquals(expected.data().asFloat(), actual.data().asFloat(), 0f);
            }
        }
    }
}
