package dev.otelmcp.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.otelmcp.adapters.mcp.McpTool;
import dev.otelmcp.adapters.mcp.tools.CompareLlmModelsTool;
import dev.otelmcp.adapters.mcp.tools.FindErrorsTool;
import dev.otelmcp.adapters.mcp.tools.GetDocsTool;
import dev.otelmcp.adapters.mcp.tools.GetLlmExpensiveTracesTool;
import dev.otelmcp.adapters.mcp.tools.GetLlmModelStatsTool;
import dev.otelmcp.adapters.mcp.tools.GetLlmSlowTracesTool;
import dev.otelmcp.adapters.mcp.tools.GetLlmUsageTool;
import dev.otelmcp.adapters.mcp.tools.GetTraceTool;
import dev.otelmcp.adapters.mcp.tools.ListLlmModelsTool;
import dev.otelmcp.adapters.mcp.tools.ListLlmToolsTool;
import dev.otelmcp.adapters.mcp.tools.ListOperationsTool;
import dev.otelmcp.adapters.mcp.tools.ListServicesTool;
import dev.otelmcp.adapters.mcp.tools.SearchSpansTool;
import dev.otelmcp.adapters.mcp.tools.SearchTracesTool;
import java.util.List;

/** The tools the server offers, in the order clients list them. */
@Module
interface ToolsModule {

  @Provides
  static List<McpTool> tools(
      ListServicesTool listServices,
      ListOperationsTool listOperations,
      SearchTracesTool searchTraces,
      SearchSpansTool searchSpans,
      GetTraceTool getTrace,
      FindErrorsTool findErrors,
      GetLlmUsageTool llmUsage,
      ListLlmModelsTool llmModels,
      GetLlmModelStatsTool modelStats,
      GetLlmExpensiveTracesTool expensiveTraces,
      GetLlmSlowTracesTool slowTraces,
      ListLlmToolsTool llmTools,
      CompareLlmModelsTool compareModels,
      GetDocsTool docs) {
    return List.of(listServices, listOperations, searchTraces, searchSpans, getTrace, findErrors,
        llmUsage, llmModels, modelStats, expensiveTraces, slowTraces, llmTools, compareModels, docs);
  }
}
