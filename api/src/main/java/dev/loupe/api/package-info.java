/**
 * The Lookout for Vision facade, in-process: {@link dev.loupe.api.LookoutVision} and its local
 * implementation on a workspace folder, shaped like the AWS SDK for Java 2's
 * {@code LookoutVisionClient} (requests, responses and exceptions in {@code dev.loupe.api.model},
 * paginators in {@code dev.loupe.api.paginators}, waiters in {@code dev.loupe.api.waiters}), so
 * that code written against the SDK ports by changing imports and the client's construction.
 *
 * <p>What it promises: the service's semantics and validation (LOOKOUT_API.md), its seven
 * exception types and nothing else from an operation, durable state that survives a crash at any
 * point, and thread safety.
 */
package dev.loupe.api;
