package dev.loupe.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.network.Dl4jBackbone;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** Training starts from a user's DL4J backbone when one is given. */
class BackboneTrainingTest {
    @TempDir
    Path dir;

    @Test
    void labelFreeModelsUseTheBackboneFeaturesAndSupervisedOnesStartFromThem() throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(9).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).padding(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).padding(1, 1).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3)).build());
        net.init();
        Path zip = dir.resolve("backbone.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        NetworkWeights start = Dl4jBackbone.load(zip, 32, 1, 1);

        Synthetic.Data data = Synthetic.generate(dir.resolve("data"), PartKind.FABRIC, 10, 6, 4);
        ModelConfig config = new ModelConfig(1, start.architecture(), 2, 4, 2e-3, Augmenter.standard(), 0.25, 64, true, 0);
        List<LabeledImage> normals = data.train().stream().filter(i -> !i.anomalous()).toList();
        TrainedModel free = new Trainer(config, start).train(normals, List.of(), TrainingProgress.Listener.NONE);
        assertEquals(ScoringMode.PATCH_MEMORY, free.mode());
        assertArrayEquals(start.get("w0").data(), free.weights().get("w0").data());
        assertTrue(free.provenance().config().contains("started from supplied weights sha256"));

        TrainedModel supervised = new Trainer(config, start).train(data.train(), List.of(), TrainingProgress.Listener.NONE);
        assertEquals(ScoringMode.SUPERVISED, supervised.mode());
        assertEquals(start.architecture(), supervised.weights().architecture());

        assertThrows(IllegalArgumentException.class, () -> new Trainer(Synthetic.tinyConfig(1), start));
    }
}
