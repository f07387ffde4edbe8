/**
 * The segmentation network: a small U-Net (encoder of 3x3 convolutions and max pooling, decoder
 * of nearest upsampling, a projected skip connection added, and 3x3 convolutions) ending in one
 * logit per class and pixel at the input resolution. Training runs it as a SameDiff graph,
 * detection as direct op calls with the same op configurations; a test holds the two to the same
 * probabilities. Internal glue over ND4J; no INDArray leaves it.
 */
package dev.loupe.segmentation.network;
