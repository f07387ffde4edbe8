package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * How StartModelPackagingJob packages a model as an AWS IoT Greengrass V2 component. Judged where
 * it is used: the enclosing request checks each field; which of {@code targetDevice} and
 * {@code targetPlatform} is set, and whether {@code compilerOptions} fits the platform, is the
 * operation's to judge. {@code targetDevice} keeps the string it was given, so that an error can
 * quote a value this version does not know.
 *
 * @param compilerOptions      options for the compiler, such as
 *                             {@code {"gpu-code": "sm_72", "trt-ver": "8.4.1", "cuda-ver": "11.4"}} for
 *                             an NVIDIA target platform (optional, 3..1024)
 * @param targetDeviceAsString the device to compile for, {@code jetson_xavier} (optional)
 * @param targetPlatform       the platform to compile for, when there is no target device
 * @param s3OutputLocation     where the component goes (required)
 * @param componentName        the component's name (required, 1..128, {@code [a-zA-Z0-9-_.]+})
 * @param componentVersion     the component's version (optional, 1..64,
 *                             {@code ^([0-9]{1,6})\.([0-9]{1,6})\.([0-9]{1,6})$})
 * @param componentDescription the component's description (optional, 1..256,
 *                             {@code [a-zA-Z0-9-_. ()':,;?]+})
 * @param tags                 the component's tags (at most 200), never {@code null}
 */
public record GreengrassConfiguration(String compilerOptions, String targetDeviceAsString,
        TargetPlatform targetPlatform, S3Location s3OutputLocation, String componentName,
        String componentVersion, String componentDescription, List<Tag> tags) {

    public GreengrassConfiguration {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Adds its constraints to {@code c}, its fields named {@code prefix + ".componentName"} etc. */
    void validate(Constraints c, String prefix) {
        c.string(prefix + ".compilerOptions", compilerOptions, 3, 1024, Constraints.COMPILER_OPTIONS)
                .enumValue(prefix + ".targetDevice", targetDeviceAsString,
                        Enums.wireValues(TargetDevice.knownValues()));
        if (targetPlatform != null) {
            targetPlatform.validate(c, prefix + ".targetPlatform");
        }
        c.required(prefix + ".s3OutputLocation", s3OutputLocation);
        if (s3OutputLocation != null) {
            s3OutputLocation.validate(c, prefix + ".s3OutputLocation");
        }
        c.required(prefix + ".componentName", componentName)
                .string(prefix + ".componentName", componentName, 1, 128, Constraints.COMPONENT_NAME)
                .string(prefix + ".componentVersion", componentVersion, 1, 64, Constraints.COMPONENT_VERSION)
                .string(prefix + ".componentDescription", componentDescription, 1, 256,
                        Constraints.PACKAGING_DESCRIPTION);
        Tag.validateList(c, prefix + ".tags", tags);
    }

    /**
     * The target device as a constant; {@link TargetDevice#UNKNOWN_TO_SDK_VERSION} for a value this
     * version does not know, {@code null} when there is none.
     */
    public TargetDevice targetDevice() {
        return TargetDevice.fromValue(targetDeviceAsString);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().compilerOptions(compilerOptions).targetDevice(targetDeviceAsString)
                .targetPlatform(targetPlatform).s3OutputLocation(s3OutputLocation)
                .componentName(componentName).componentVersion(componentVersion)
                .componentDescription(componentDescription).tags(tags);
    }

    /** Builds a {@link GreengrassConfiguration}; not thread-safe. */
    public static final class Builder {
        private String compilerOptions;
        private String targetDevice;
        private TargetPlatform targetPlatform;
        private S3Location s3OutputLocation;
        private String componentName;
        private String componentVersion;
        private String componentDescription;
        private List<Tag> tags;

        private Builder() {
        }

        public Builder compilerOptions(String compilerOptions) {
            this.compilerOptions = compilerOptions;
            return this;
        }

        public Builder targetDevice(TargetDevice targetDevice) {
            return targetDevice(targetDevice == null ? null : targetDevice.toString());
        }

        /** Sets the target device by its wire value, kept as given: the request judges it. */
        public Builder targetDevice(String targetDevice) {
            this.targetDevice = targetDevice;
            return this;
        }

        public Builder targetPlatform(TargetPlatform targetPlatform) {
            this.targetPlatform = targetPlatform;
            return this;
        }

        public Builder targetPlatform(Consumer<TargetPlatform.Builder> targetPlatform) {
            TargetPlatform.Builder b = TargetPlatform.builder();
            targetPlatform.accept(b);
            return targetPlatform(b.build());
        }

        public Builder s3OutputLocation(S3Location s3OutputLocation) {
            this.s3OutputLocation = s3OutputLocation;
            return this;
        }

        public Builder s3OutputLocation(Consumer<S3Location.Builder> s3OutputLocation) {
            S3Location.Builder b = S3Location.builder();
            s3OutputLocation.accept(b);
            return s3OutputLocation(b.build());
        }

        public Builder componentName(String componentName) {
            this.componentName = componentName;
            return this;
        }

        public Builder componentVersion(String componentVersion) {
            this.componentVersion = componentVersion;
            return this;
        }

        public Builder componentDescription(String componentDescription) {
            this.componentDescription = componentDescription;
            return this;
        }

        public Builder tags(Collection<Tag> tags) {
            this.tags = tags == null ? null : List.copyOf(tags);
            return this;
        }

        public Builder tags(Tag... tags) {
            return tags(tags == null ? null : Arrays.asList(tags));
        }

        public GreengrassConfiguration build() {
            return new GreengrassConfiguration(compilerOptions, targetDevice, targetPlatform,
                    s3OutputLocation, componentName, componentVersion, componentDescription, tags);
        }
    }
}
