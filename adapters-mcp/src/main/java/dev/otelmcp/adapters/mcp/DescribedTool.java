package dev.otelmcp.adapters.mcp;

/** The part every tool has in common: its name, title and description. */
public abstract class DescribedTool implements McpTool {

  private final String name;
  private final String title;
  private final String description;

  protected DescribedTool(String name, String title, String description) {
    this.name = name;
    this.title = title;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String description() {
    return description;
  }
}
