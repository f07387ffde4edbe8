package dev.loupe.manifest;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One anomaly class of a segmentation manifest: its name and the colour its pixels have in the
 * mask images.
 *
 * @param name  the class name; matches the service's AnomalyName pattern {@code [a-zA-Z0-9]+}
 * @param color the colour of the class's pixels in the masks
 */
public record AnomalyClass(String name, HexColor color) {
    /** The service's AnomalyName: 1 to 256 characters of {@code [a-zA-Z0-9]}. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]{1,256}");

    public AnomalyClass {
        Objects.requireNonNull(color, "color");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "anomaly class name must be 1 to 256 letters or digits ([a-zA-Z0-9]), was \"" + name + "\"");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
