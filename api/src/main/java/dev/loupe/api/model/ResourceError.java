package dev.loupe.api.model;

import java.util.Objects;

/** The resource an error names: its id and type, as the service's error shapes carry them. */
record ResourceError(String resourceId, ResourceType resourceType) {
    ResourceError {
        Objects.requireNonNull(resourceType, "resourceType");
    }
}
