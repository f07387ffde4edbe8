package dev.loupe.api;

import dev.loupe.api.State.Model;
import dev.loupe.api.model.ListTagsForResourceRequest;
import dev.loupe.api.model.ListTagsForResourceResponse;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.Tag;
import dev.loupe.api.model.TagResourceRequest;
import dev.loupe.api.model.TagResourceResponse;
import dev.loupe.api.model.UntagResourceRequest;
import dev.loupe.api.model.UntagResourceResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TagResource (merge), UntagResource and ListTagsForResource, on models: the service documented
 * tags for models only. A model is named by its ARN. Thread-safe through {@link State}.
 */
final class Tags {
    private static final Pattern MODEL_ARN = Pattern.compile(
            "arn:aws:lookoutvision:([^:]+):([^:]+):model/([a-zA-Z0-9][a-zA-Z0-9_\\-]*)/([1-9][0-9]*)");

    private final State state;

    Tags(State state) {
        this.state = state;
    }

    TagResourceResponse tagResource(TagResourceRequest request) {
        return state.write(() -> {
            Located m = locate(request.resourceArn());
            Map<String, String> tags = asMap(m.model().file().tags());
            request.tags().forEach(t -> tags.put(t.key(), t.value()));
            state.put(m.project(), m.model().withFile(m.model().file().withTags(asList(tags))));
            return TagResourceResponse.builder().build();
        });
    }

    UntagResourceResponse untagResource(UntagResourceRequest request) {
        return state.write(() -> {
            Located m = locate(request.resourceArn());
            Map<String, String> tags = asMap(m.model().file().tags());
            request.tagKeys().forEach(tags::remove);
            state.put(m.project(), m.model().withFile(m.model().file().withTags(asList(tags))));
            return UntagResourceResponse.builder().build();
        });
    }

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return state.read(() -> ListTagsForResourceResponse.builder()
                .tags(locate(request.resourceArn()).model().file().tags()).build());
    }

    private record Located(String project, Model model) {
    }

    private Located locate(String arn) {
        Matcher m = MODEL_ARN.matcher(arn);
        if (!m.matches() || !m.group(1).equals(state.region) || !m.group(2).equals(state.accountId)
                || !state.projects.containsKey(m.group(3))
                || !state.projects.get(m.group(3)).models().containsKey(m.group(4))) {
            throw new ResourceNotFoundException("No model has the ARN " + arn + ".", arn, ResourceType.MODEL);
        }
        return new Located(m.group(3), state.model(m.group(3), m.group(4)));
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    private static List<Tag> asList(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }
}
