/**
 * Lazy paginators over the List operations, as the AWS SDK's: iterating fetches the next page
 * only when the previous one is used up, following {@code NextToken} until the last page.
 * Each iteration starts from the first page again. Not thread-safe per iterator.
 */
package dev.loupe.api.paginators;
