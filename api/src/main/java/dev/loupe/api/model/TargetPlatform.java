package dev.loupe.api.model;

/**
 * The platform a model packaging job compiles a model for, when it names no {@link TargetDevice}.
 * Judged where it is used: the enclosing request checks it. Each field keeps the string it was
 * given, so that an error can quote a value this version does not know.
 *
 * @param osAsString          the operating system, {@code LINUX} (required)
 * @param archAsString        the processor architecture, {@code ARM64} or {@code X86_64} (required)
 * @param acceleratorAsString the accelerator, {@code NVIDIA} (optional)
 */
public record TargetPlatform(String osAsString, String archAsString, String acceleratorAsString) {

    /** Adds the platform's constraints to {@code c}, its fields named {@code prefix + ".os"} etc. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".os", osAsString)
                .enumValue(prefix + ".os", osAsString, Enums.wireValues(TargetPlatformOs.knownValues()))
                .required(prefix + ".arch", archAsString)
                .enumValue(prefix + ".arch", archAsString, Enums.wireValues(TargetPlatformArch.knownValues()))
                .enumValue(prefix + ".accelerator", acceleratorAsString,
                        Enums.wireValues(TargetPlatformAccelerator.knownValues()));
    }

    /**
     * The operating system as a constant; {@link TargetPlatformOs#UNKNOWN_TO_SDK_VERSION} for a
     * value this version does not know, {@code null} when there is none.
     */
    public TargetPlatformOs os() {
        return TargetPlatformOs.fromValue(osAsString);
    }

    /**
     * The architecture as a constant; {@link TargetPlatformArch#UNKNOWN_TO_SDK_VERSION} for a value
     * this version does not know, {@code null} when there is none.
     */
    public TargetPlatformArch arch() {
        return TargetPlatformArch.fromValue(archAsString);
    }

    /**
     * The accelerator as a constant; {@link TargetPlatformAccelerator#UNKNOWN_TO_SDK_VERSION} for a
     * value this version does not know, {@code null} when there is none.
     */
    public TargetPlatformAccelerator accelerator() {
        return TargetPlatformAccelerator.fromValue(acceleratorAsString);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().os(osAsString).arch(archAsString).accelerator(acceleratorAsString);
    }

    /** Builds a {@link TargetPlatform}; not thread-safe. */
    public static final class Builder {
        private String os;
        private String arch;
        private String accelerator;

        private Builder() {
        }

        public Builder os(TargetPlatformOs os) {
            return os(os == null ? null : os.toString());
        }

        /** Sets the operating system by its wire value, kept as given: the request judges it. */
        public Builder os(String os) {
            this.os = os;
            return this;
        }

        public Builder arch(TargetPlatformArch arch) {
            return arch(arch == null ? null : arch.toString());
        }

        /** Sets the architecture by its wire value, kept as given: the request judges it. */
        public Builder arch(String arch) {
            this.arch = arch;
            return this;
        }

        public Builder accelerator(TargetPlatformAccelerator accelerator) {
            return accelerator(accelerator == null ? null : accelerator.toString());
        }

        /** Sets the accelerator by its wire value, kept as given: the request judges it. */
        public Builder accelerator(String accelerator) {
            this.accelerator = accelerator;
            return this;
        }

        public TargetPlatform build() {
            return new TargetPlatform(os, arch, accelerator);
        }
    }
}
