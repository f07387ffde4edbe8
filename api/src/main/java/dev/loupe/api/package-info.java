/**
 * The Lookout for Vision facade: projects, datasets, models, hosting, packaging jobs and tags,
 * in-process. Empty until the facade issues land.
 */
package dev.loupe.api;
