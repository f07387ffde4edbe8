/**
 * Evaluating a segmentation model on test images: the image-level figures of a classification
 * model (F1, precision, recall, ROC AUC, average precision) plus the per-class pixel figures of
 * the evaluation result (precision, recall, F1, average IoU) and pixel ROC AUC. Anomalous test
 * images without masks count for the image-level figures only.
 */
package dev.loupe.segmentation.evaluation;
