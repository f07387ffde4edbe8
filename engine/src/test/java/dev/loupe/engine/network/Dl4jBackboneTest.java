package dev.loupe.engine.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A DL4J model zip built here, imported, gives the same features as DL4J computes. */
class Dl4jBackboneTest {
    @TempDir
    Path dir;

    static MultiLayerNetwork small() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(16, 16, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // A few steps, so that batch normalisation has statistics of its own to fold.
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 16, 16);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 2, 1);
        }
        for (int i = 0; i < 5; i++) {
            net.fit(new DataSet(x, y));
        }
        return net;
    }

    @Test
    void importedBlocksComputeWhatDl4jComputes() throws IOException {
        MultiLayerNetwork net = small();
        Path zip = dir.resolve("backbone.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);

        NetworkWeights w = Dl4jBackbone.load(zip, 16, 0, 1);
        assertArrayEquals(new int[] {4, 6}, w.architecture().channels());
        INDArray input = Nd4j.rand(DataType.FLOAT, 1, 3, 16, 16);
        List<INDArray> activations = net.feedForward(input, false);
        float[] expected = activations.get(5).data().asFloat(); // after the ReLU of layer 4
        try (ForwardPass f = new ForwardPass(w)) {
            float[] got = f.forward(input.dup().data().asFloat(), true).features();
            assertEquals(expected.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 1e-3, "feature " + i);
            }
        }
    }

    @Test
    void unusableFilesAreRefusedWithTheReason() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dl4jBackbone.load(junk, 16, 0, 1));
        assertTrue(e.getMessage().contains("not a DL4J MultiLayerNetwork zip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dl4jBackbone.load(dir.resolve("missing.zip"), 16, 0, 1));

        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build()).build());
        dense.init();
        Path zip = dir.resolve("dense.zip");
        ModelSerializer.writeModel(dense, zip.toFile(), false);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Dl4jBackbone.load(zip, 16, 0, 1));
        assertTrue(none.getMessage().contains("no usable backbone blocks"), none.getMessage());
    }
}
