package dev.loupe.api.model;

/**
 * A quota was exceeded (HTTP 402), e.g. more than 16,000 images in a dataset. The quota code
 * names the limit; the service code is {@code lookoutvision}.
 */
public final class ServiceQuotaExceededException extends LookoutVisionException {
    private final ResourceError resource;
    private final String quotaCode;

    public ServiceQuotaExceededException(String message, String quotaCode, String resourceId,
                                         ResourceType resourceType) {
        super(message, 402, null);
        this.quotaCode = quotaCode;
        this.resource = resourceType == null ? null : new ResourceError(resourceId, resourceType);
    }

    public String quotaCode() {
        return quotaCode;
    }

    public String serviceCode() {
        return "lookoutvision";
    }

    /** The resource at its limit, or null when the quota is not about one resource. */
    public String resourceId() {
        return resource == null ? null : resource.resourceId();
    }

    /** The type of the resource at its limit, or null. */
    public ResourceType resourceType() {
        return resource == null ? null : resource.resourceType();
    }

    public String resourceTypeAsString() {
        return resource == null ? null : resource.resourceType().toString();
    }
}
