/**
 * The segmentation network: a small U-Net (encoder of 3x3 convolutions and max pooling, decoder
 * of nearest upsampling, a projected skip connection added, and 3x3 convolutions) ending in one
 * logit per class and pixel at the input resolution. Training and inference share one SameDiff
 * graph definition, so they cannot drift apart. Internal glue over ND4J; no INDArray leaves it.
 */
package dev.loupe.segmentation.network;
