/**
 * Waiters that poll Describe operations until a resource leaves its transitional status, as the
 * AWS SDK's waiters do (the service defined none; its users wrote these loops by hand).
 */
package dev.loupe.api.waiters;
