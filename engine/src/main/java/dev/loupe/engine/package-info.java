/**
 * Loupe's engine: images in, decisions out. Sub-packages by feature; {@code image} decodes and
 * checks the pictures every other part consumes.
 */
package dev.loupe.engine;
