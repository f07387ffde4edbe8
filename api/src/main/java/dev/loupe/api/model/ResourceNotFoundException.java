package dev.loupe.api.model;

/** The named resource does not exist (HTTP 404). */
public final class ResourceNotFoundException extends LookoutVisionException {
    private final ResourceError resource;

    public ResourceNotFoundException(String message, String resourceId, ResourceType resourceType) {
        super(message, 404, null);
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
