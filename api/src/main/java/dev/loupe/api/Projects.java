package dev.loupe.api;

import dev.loupe.api.State.Project;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.CreateProjectRequest;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.DeleteProjectRequest;
import dev.loupe.api.model.DeleteProjectResponse;
import dev.loupe.api.model.DescribeProjectRequest;
import dev.loupe.api.model.DescribeProjectResponse;
import dev.loupe.api.model.ListProjectsRequest;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.ProjectDescription;
import dev.loupe.api.model.ProjectMetadata;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.workspace.ProjectFile;
import java.util.ArrayList;
import java.util.List;

/** CreateProject, DescribeProject, ListProjects, DeleteProject. Thread-safe through {@link State}. */
final class Projects {
    private final State state;

    Projects(State state) {
        this.state = state;
    }

    CreateProjectResponse createProject(CreateProjectRequest request) {
        String name = request.projectName();
        return state.write(() -> state.tokens.once("CreateProject", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), CreateProjectResponse.class,
                name, ResourceType.PROJECT, () -> {
                    if (state.projects.containsKey(name)) {
                        throw new ConflictException("A project named " + name + " already exists.", name,
                                ResourceType.PROJECT);
                    }
                    ProjectFile file = new ProjectFile(name, state.projectArn(name), state.clock.instant(), 1);
                    State.io(() -> state.workspace.createProject(file));
                    state.projects.put(name, new Project(file));
                    return CreateProjectResponse.builder().projectMetadata(State.metadata(file)).build();
                }));
    }

    DescribeProjectResponse describeProject(DescribeProjectRequest request) {
        return state.read(() -> {
            Project p = state.project(request.projectName());
            List<DatasetMetadata> datasets = new ArrayList<>();
            p.datasets().values().forEach(d -> datasets.add(State.metadata(d.file())));
            return DescribeProjectResponse.builder().projectDescription(ProjectDescription.builder()
                    .projectArn(p.file().projectArn()).projectName(p.file().projectName())
                    .creationTimestamp(p.file().creationTimestamp()).datasets(datasets).build()).build();
        });
    }

    ListProjectsResponse listProjects(ListProjectsRequest request) {
        return state.read(() -> {
            String after = request.nextToken() == null || request.nextToken().isEmpty() ? null
                    : state.pages.decode(request.nextToken(), "ListProjects", "projects", "");
            int max = request.maxResults() == null ? 100 : request.maxResults();
            List<ProjectMetadata> page = new ArrayList<>();
            String next = null;
            for (Project p : state.projects.values()) {
                String name = p.file().projectName();
                if (after != null && name.compareTo(after) <= 0) {
                    continue;
                }
                if (page.size() == max) {
                    next = state.pages.encode("ListProjects", "projects", "", page.get(max - 1).projectName());
                    break;
                }
                page.add(State.metadata(p.file()));
            }
            return ListProjectsResponse.builder().projects(page).nextToken(next).build();
        });
    }

    DeleteProjectResponse deleteProject(DeleteProjectRequest request) {
        String name = request.projectName();
        return state.write(() -> state.tokens.once("DeleteProject", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), DeleteProjectResponse.class,
                name, ResourceType.PROJECT, () -> {
                    Project p = state.project(name);
                    List<String> held = new ArrayList<>();
                    if (!p.datasets().isEmpty()) {
                        held.add("datasets (" + String.join(", ", p.datasets().keySet()) + ")");
                    }
                    if (!p.models().isEmpty()) {
                        held.add("models (versions " + String.join(", ", p.models().keySet()) + ")");
                    }
                    if (!held.isEmpty()) {
                        throw new ConflictException("Project " + name + " still has " + String.join(" and ", held)
                                + "; delete them before the project.", name, ResourceType.PROJECT);
                    }
                    State.io(() -> state.workspace.deleteProject(name));
                    state.projects.remove(name);
                    return DeleteProjectResponse.builder().projectArn(p.file().projectArn()).build();
                }));
    }
}
