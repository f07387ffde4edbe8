package dev.loupe.api.model;

/**
 * The request conflicts with the state of a resource (HTTP 409): a name already taken, a dataset
 * still importing, a project that still holds datasets, a client token reused with other
 * parameters.
 */
public final class ConflictException extends LookoutVisionException {
    private final ResourceError resource;

    public ConflictException(String message, String resourceId, ResourceType resourceType) {
        super(message, 409, null);
        this.resource = new ResourceError(resourceId, resourceType);
    }

    public String resourceId() {
        return resource.resourceId();
    }

    public ResourceType resourceType() {
        return resource.resourceType();
    }

    public String resourceTypeAsString() {
        return resource.resourceType().toString();
    }
}
