package cn.tongyi.core.plugin;

import cn.tongyi.core.web.ApiDocumentFilter;
import cn.tongyi.plugin.api.Route;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Puts the routes of the active plugins into {@code /q/openapi}, each under its full path, tagged by plugin, so that
 * clients find them and the isolation sweep calls them like every core endpoint. Plugins load at start, after the
 * build: the document is completed per request. Routes open to alliance members say so
 * ({@value #OPEN_TO_ALLIANCE}).
 */
@ApplicationScoped
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class PluginRoutesDocument implements OASFilter {

    static final String OPEN_TO_ALLIANCE = "x-open-to-alliance-members";
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final PluginHost host;

    PluginRoutesDocument(PluginHost host) {
        this.host = host;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        for (InstalledPlugin plugin : host.installed()) {
            if (!plugin.active() || plugin.routes().isEmpty()) {
                continue;
            }
            String tag = "Plugin: " + plugin.id();
            document.addTag(OASFactory.createTag().name(tag).description(plugin.description()));
            for (Route route : plugin.routes()) {
                String path = "/api/branches/{branch}/plugins/" + plugin.id() + (route.path().equals("/") ? ""
                        : route.path());
                PathItem item = document.getPaths().getPathItem(path);
                if (item == null) {
                    item = OASFactory.createPathItem();
                    document.getPaths().addPathItem(path, item);
                }
                PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(route.method().name());
                Operation operation = operation(plugin, route, tag);
                item.setOperation(method, operation);
                ApiDocumentFilter.complete(operation, method, path);
            }
        }
    }

    private static Operation operation(InstalledPlugin plugin, Route route, String tag) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(pathParameter("branch"));
        Matcher names = PARAMETER.matcher(route.path());
        while (names.find()) {
            parameters.add(pathParameter(names.group(1)));
        }
        Operation operation = OASFactory.createOperation()
                .operationId("plugin_" + plugin.id() + "_" + route.method().name().toLowerCase()
                        + route.path().replaceAll("[^A-Za-z0-9]+", "_"))
                .summary(route.summary())
                .description("Roles: " + route.roles().stream().map(Enum::name).sorted().toList()
                        + (route.openToAllianceMembers() ? "; members of every branch, as MEMBER" : "")
                        + (route.idempotent() ? ". Takes an Idempotency-Key." : ""))
                .tags(new ArrayList<>(List.of(tag)))
                .parameters(parameters)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        OASFactory.createAPIResponse().description("The plugin's answer")));
        if (route.method() == cn.tongyi.plugin.api.HttpMethod.POST
                || route.method() == cn.tongyi.plugin.api.HttpMethod.PUT) {
            operation.requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(
                    "application/json", OASFactory.createMediaType().schema(
                            OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)))));
        }
        if (route.openToAllianceMembers()) {
            operation.addExtension(OPEN_TO_ALLIANCE, true);
        }
        return operation;
    }

    private static Parameter pathParameter(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
