package dev.loupe.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.api.State.Model;
import dev.loupe.api.State.Project;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.DescribeModelPackagingJobRequest;
import dev.loupe.api.model.DescribeModelPackagingJobResponse;
import dev.loupe.api.model.GreengrassConfiguration;
import dev.loupe.api.model.GreengrassOutputDetails;
import dev.loupe.api.model.ListModelPackagingJobsRequest;
import dev.loupe.api.model.ListModelPackagingJobsResponse;
import dev.loupe.api.model.ModelPackagingConfiguration;
import dev.loupe.api.model.ModelPackagingDescription;
import dev.loupe.api.model.ModelPackagingJobMetadata;
import dev.loupe.api.model.ModelPackagingJobStatus;
import dev.loupe.api.model.ModelPackagingOutputDetails;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.S3Location;
import dev.loupe.api.model.StartModelPackagingJobRequest;
import dev.loupe.api.model.StartModelPackagingJobResponse;
import dev.loupe.api.model.TargetPlatform;
import dev.loupe.api.model.TargetPlatformAccelerator;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.JobFile;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.segmentation.edge.EdgePackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * StartModelPackagingJob, DescribeModelPackagingJob and ListModelPackagingJobs. A job checks the
 * Greengrass configuration as the service did, then (CREATED, RUNNING) writes an AWS IoT
 * Greengrass v2 component to the output location: a recipe and an artifact zip holding the model
 * archive and a runtime description, which {@link dev.loupe.segmentation.edge.EdgeDetector}
 * loads. Thread-safe through {@link State}.
 */
final class Packaging {
    private static final Comparator<JobFile> OLDEST_FIRST = Comparator.comparing(JobFile::creationTimestamp)
            .thenComparing(JobFile::jobName);

    private final State state;
    private final ImageLocator locator;

    Packaging(State state, ImageLocator locator) {
        this.state = state;
        this.locator = locator;
    }

    StartModelPackagingJobResponse startModelPackagingJob(StartModelPackagingJobRequest request) {
        String name = request.projectName();
        GreengrassConfiguration g = request.configuration().greengrass();
        checkTarget(g);
        return state.write(() -> state.tokens.once("StartModelPackagingJob", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), StartModelPackagingJobResponse.class,
                request.jobName() == null ? name : request.jobName(), ResourceType.MODEL_PACKAGE_JOB, () -> {
                    Project p = state.project(name);
                    Model m = state.model(name, request.modelVersion());
                    if (!Models.HAS_ARCHIVE.contains(m.file().status())) {
                        throw new ConflictException("Model " + m.file().modelArn() + " is " + m.file().status()
                                + "; only a successfully trained model can be packaged.", m.file().modelVersion(),
                                ResourceType.MODEL);
                    }
                    String jobName = request.jobName() != null ? request.jobName() : UUID.randomUUID().toString();
                    if (p.jobs().containsKey(jobName)) {
                        throw new ConflictException("Project " + name + " already has a packaging job named "
                                + jobName + ".", jobName, ResourceType.MODEL_PACKAGE_JOB);
                    }
                    String version = m.file().modelVersion();
                    GreengrassConfiguration config = g.componentVersion() != null ? g
                            : g.toBuilder().componentVersion(version + ".0.0").build();
                    checkComponentFree(config);
                    location(config.s3OutputLocation(), "recipe.json");
                    var now = state.clock.instant();
                    JobFile job = new JobFile(jobName, version,
                            ModelPackagingConfiguration.builder().greengrass(config).build(), request.description(),
                            ModelPackagingJobStatus.CREATED, "The packaging job was created.", null, now, now);
                    put(name, job);
                    state.submit(() -> run(name, jobName));
                    return StartModelPackagingJobResponse.builder().jobName(jobName).build();
                }));
    }

    DescribeModelPackagingJobResponse describeModelPackagingJob(DescribeModelPackagingJobRequest request) {
        return state.read(() -> {
            JobFile j = state.project(request.projectName()).jobs().get(request.jobName());
            if (j == null) {
                throw new ResourceNotFoundException("Project " + request.projectName() + " has no packaging job named "
                        + request.jobName() + ".", request.jobName(), ResourceType.MODEL_PACKAGE_JOB);
            }
            return DescribeModelPackagingJobResponse.builder().modelPackagingDescription(
                    ModelPackagingDescription.builder().jobName(j.jobName()).projectName(request.projectName())
                            .modelVersion(j.modelVersion()).modelPackagingConfiguration(j.configuration())
                            .modelPackagingJobDescription(j.description()).modelPackagingMethod("Greengrass")
                            .modelPackagingOutputDetails(j.outputDetails()).status(j.status())
                            .statusMessage(j.statusMessage()).creationTimestamp(j.creationTimestamp())
                            .lastUpdatedTimestamp(j.lastUpdatedTimestamp()).build()).build();
        });
    }

    ListModelPackagingJobsResponse listModelPackagingJobs(ListModelPackagingJobsRequest request) {
        return state.read(() -> {
            Project p = state.project(request.projectName());
            List<JobFile> jobs = new ArrayList<>(p.jobs().values());
            jobs.sort(OLDEST_FIRST);
            String scope = request.projectName();
            int start = 0;
            if (request.nextToken() != null && !request.nextToken().isEmpty()) {
                // Jobs are never deleted and sort by creation: the position of the next one stays valid.
                start = Integer.parseInt(state.pages.decode(request.nextToken(), "ListModelPackagingJobs", scope, ""));
            }
            int max = request.maxResults() == null ? 100 : request.maxResults();
            List<ModelPackagingJobMetadata> page = new ArrayList<>();
            for (int i = start; i < jobs.size() && page.size() < max; i++) {
                JobFile j = jobs.get(i);
                page.add(ModelPackagingJobMetadata.builder().jobName(j.jobName()).projectName(scope)
                        .modelVersion(j.modelVersion()).modelPackagingJobDescription(j.description())
                        .modelPackagingMethod("Greengrass").status(j.status()).statusMessage(j.statusMessage())
                        .creationTimestamp(j.creationTimestamp()).lastUpdatedTimestamp(j.lastUpdatedTimestamp())
                        .build());
            }
            int next = start + page.size();
            return ListModelPackagingJobsResponse.builder().modelPackagingJobs(page)
                    .nextToken(next < jobs.size() ? state.pages.encode("ListModelPackagingJobs", scope, "",
                            Integer.toString(next)) : null).build();
        });
    }

    /** The cross-field rules of the Greengrass configuration (LOOKOUT_API §2). */
    private void checkTarget(GreengrassConfiguration g) {
        List<String> errors = new ArrayList<>();
        TargetPlatform platform = g.targetPlatform();
        if (g.targetDeviceAsString() != null && platform != null) {
            errors.add("TargetDevice and TargetPlatform are mutually exclusive; give one of them");
        } else if (g.targetDeviceAsString() == null && platform == null) {
            errors.add("one of TargetDevice and TargetPlatform is required");
        }
        if (g.targetDeviceAsString() != null && g.compilerOptions() != null) {
            errors.add("CompilerOptions must not be set with TargetDevice");
        }
        JsonNode options = null;
        if (g.compilerOptions() != null) {
            try {
                options = state.workspace.json().readTree(g.compilerOptions());
                if (options == null || !options.isObject()) {
                    throw new IOException("not a JSON object");
                }
            } catch (IOException e) {
                errors.add("CompilerOptions must be a JSON object, e.g. {\"mcpu\": \"core-avx2\"}");
            }
        }
        if (platform != null && platform.accelerator() == TargetPlatformAccelerator.NVIDIA) {
            for (String key : List.of("gpu-code", "trt-ver", "cuda-ver")) {
                if (options == null || !options.has(key)) {
                    errors.add("CompilerOptions must give " + key + " for an NVIDIA accelerator");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException((errors.size() == 1 ? "1 validation error" : errors.size()
                    + " validation errors") + " detected: " + String.join("; ", errors));
        }
    }

    /** Greengrass refused a component name and version that already exist (in any project). */
    private void checkComponentFree(GreengrassConfiguration config) {
        for (var p : state.projects.entrySet()) {
            for (JobFile j : p.getValue().jobs().values()) {
                GreengrassConfiguration other = j.configuration().greengrass();
                if (j.status() != ModelPackagingJobStatus.FAILED && other.componentName().equals(config.componentName())
                        && other.componentVersion().equals(config.componentVersion())) {
                    throw new ConflictException("Component " + config.componentName() + " version "
                            + config.componentVersion() + " already exists (packaging job " + j.jobName()
                            + " of project " + p.getKey() + "); choose another component version.",
                            config.componentName(), ResourceType.MODEL_PACKAGE_JOB);
                }
            }
        }
    }

    private void run(String project, String jobName) {
        JobFile running = state.commit(() -> {
            JobFile j = state.project(project).jobs().get(jobName).withStatus(ModelPackagingJobStatus.RUNNING,
                    "The model is being packaged.", null, state.clock.instant());
            put(project, j);
            return j;
        });
        try {
            GreengrassConfiguration g = running.configuration().greengrass();
            String type = state.inspect(() -> state.model(project, running.modelVersion()).file().modelType());
            byte[] archive = Files.readAllBytes(state.workspace.modelArchive(project, running.modelVersion()));
            String target = g.targetDeviceAsString() != null ? g.targetDeviceAsString()
                    : g.targetPlatform().osAsString() + "/" + g.targetPlatform().archAsString()
                    + (g.targetPlatform().acceleratorAsString() == null ? "" : "/" + g.targetPlatform().acceleratorAsString());
            byte[] artifact = EdgePackage.zip(archive, new EdgePackage.Runtime(EdgePackage.FORMAT_VERSION, project,
                    running.modelVersion(), type, g.componentName(), g.componentVersion(), target));
            String artifactName = g.componentName() + "-" + g.componentVersion() + ".zip";
            Path artifactFile = location(g.s3OutputLocation(), artifactName);
            Files.createDirectories(artifactFile.getParent());
            Files.write(artifactFile, artifact);
            Path recipe = location(g.s3OutputLocation(), g.componentName() + "-" + g.componentVersion() + "-recipe.json");
            Files.writeString(recipe, recipe(g, key(g.s3OutputLocation(), artifactName)));
            ModelPackagingOutputDetails details = ModelPackagingOutputDetails.builder().greengrass(
                    GreengrassOutputDetails.builder().componentName(g.componentName())
                            .componentVersion(g.componentVersion())
                            .componentVersionArn("arn:aws:greengrass:" + state.region + ":" + state.accountId
                                    + ":components:" + g.componentName() + ":versions:" + g.componentVersion())
                            .build()).build();
            finish(project, jobName, ModelPackagingJobStatus.SUCCEEDED, "The model was packaged.", details);
        } catch (IOException | RuntimeException e) {
            finish(project, jobName, ModelPackagingJobStatus.FAILED, "Packaging failed: " + e.getMessage(), null);
        }
    }

    private void finish(String project, String jobName, ModelPackagingJobStatus status, String message,
                        ModelPackagingOutputDetails details) {
        state.commit(() -> {
            put(project, state.project(project).jobs().get(jobName).withStatus(status, message, details,
                    state.clock.instant()));
            return null;
        });
    }

    private void put(String project, JobFile job) {
        State.io(() -> state.workspace.writeJob(project, job));
        state.projects.get(project).jobs().put(job.jobName(), job);
    }

    /** The Greengrass v2 recipe of the component, as JSON. */
    private String recipe(GreengrassConfiguration g, String artifactKey) {
        ObjectNode r = state.workspace.json().createObjectNode();
        r.put("RecipeFormatVersion", "2020-01-25");
        r.put("ComponentName", g.componentName());
        r.put("ComponentVersion", g.componentVersion());
        r.put("ComponentDescription", g.componentDescription() != null ? g.componentDescription()
                : "Anomaly detection model packaged by Loupe");
        r.put("ComponentPublisher", "Loupe");
        r.putObject("ComponentConfiguration").putObject("DefaultConfiguration")
                .put("ModelArchive", EdgePackage.MODEL).put("Runtime", EdgePackage.RUNTIME);
        ObjectNode manifest = r.putArray("Manifests").addObject();
        ObjectNode platform = manifest.putObject("Platform").put("os", "linux");
        if (g.targetPlatform() != null) {
            platform.put("architecture", switch (g.targetPlatform().archAsString()) {
                case "ARM64" -> "aarch64";
                case "X86_64" -> "amd64";
                default -> g.targetPlatform().archAsString();
            });
        } else {
            platform.put("architecture", "aarch64");
        }
        manifest.putArray("Artifacts").addObject()
                .put("Uri", "s3://" + g.s3OutputLocation().bucket() + "/" + artifactKey).put("Unarchive", "ZIP");
        return r.toPrettyString() + "\n";
    }

    private Path location(S3Location where, String name) {
        try {
            return locator.resolve("s3://" + where.bucket() + "/" + key(where, name));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The output location s3://" + where.bucket() + "/"
                    + (where.prefix() == null ? "" : where.prefix()) + " cannot be written: " + e.getMessage());
        }
    }

    private static String key(S3Location where, String name) {
        return (where.prefix() == null ? "" : where.prefix()) + name;
    }
}
