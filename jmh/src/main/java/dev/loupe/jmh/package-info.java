/** JMH benchmarks of the hot paths (decode, detect, train). Filled as the engine lands. */
package dev.loupe.jmh;
