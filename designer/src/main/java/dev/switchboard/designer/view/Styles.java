package dev.switchboard.designer.view;

/** The semantic style classes of designer.css; views use these names, never inline styles. */
public final class Styles {
    public static final String STYLESHEET = "/dev/switchboard/designer/view/designer.css";

    public static final String ROOT = "designer";
    public static final String PALETTE = "palette";
    public static final String PALETTE_GROUP = "palette-group";
    public static final String PALETTE_ITEM = "palette-item";
    public static final String PALETTE_ITEM_TITLE = "palette-item-title";
    public static final String PALETTE_ITEM_DESCRIPTION = "palette-item-description";
    public static final String CANVAS = "canvas";
    public static final String CANVAS_HINT = "canvas-hint";
    public static final String RUBBER_BAND = "rubber-band";
    public static final String FLOW_NODE = "flow-node";
    public static final String NODE_CARD = "node-card";
    public static final String NODE_SHADOW = "node-shadow";
    public static final String NODE_BOX = "node-box";
    public static final String MINIMAP = "minimap";
    public static final String CANVAS_LOADING = "canvas-loading";
    public static final String NODE_HEADER = "node-header";
    public static final String NODE_TITLE = "node-title";
    public static final String NODE_TYPE = "node-type";
    public static final String NODE_CONTRACT = "node-contract";
    public static final String NODE_ICON = "node-icon";
    public static final String NODE_BADGE = "node-badge";
    public static final String KIND_PREFIX = "kind-";
    public static final String PORT = "port";
    public static final String PORT_IN = "port-in";
    public static final String PORT_OUT = "port-out";
    public static final String PORT_ROW = "port-row";
    public static final String PORT_LABEL = "port-label";
    public static final String PORT_ADD = "port-add";
    public static final String WIRED = "wired";
    public static final String CONNECTOR_PICKER = "connector-picker";
    public static final String PALETTE_GROUP_TITLE = "palette-group-title";
    public static final String WIRE = "wire";
    public static final String WIRE_HIT = "wire-hit";
    public static final String WIRE_DRAFT = "wire-draft";
    /** The data contract a wire's events are checked against, on the wire. */
    public static final String WIRE_CONTRACT = "wire-contract";
    /** A node's count of events that broke a contract with enforcement {@code warn}, while it runs. */
    public static final String NODE_WARNINGS = "node-warnings";

    public static final String SELECTED = "selected";
    public static final String HAS_PROBLEMS = "has-problems";
    /** A node with {@code "disabled": true} (an import's placeholder): drawn dimmed with a dashed border. */
    public static final String NODE_DISABLED = "node-disabled";

    public static final String INSPECTOR = "inspector";
    public static final String INSPECTOR_TITLE = "inspector-title";
    public static final String INSPECTOR_SUBTITLE = "inspector-subtitle";
    public static final String FIELD = "field";
    public static final String FIELD_LABEL = "field-label";
    public static final String FIELD_REQUIRED = "field-required";
    public static final String FIELD_HELP = "field-help";
    public static final String FIELD_ERROR = "field-error";
    /** The inspector's collapsible help (a TitledPane) below the form. */
    public static final String INSPECTOR_HELP = "inspector-help";
    /** Rendered Markdown (MarkdownView): the box, its blocks and inline texts. */
    public static final String MARKDOWN = "markdown";

    public static final String MD_BLOCKS = "md-blocks";
    public static final String MD_HEADING = "md-heading";
    /** Followed by 1, 2 or 3 (deeper headings look like 3). */
    public static final String MD_HEADING_PREFIX = "md-h";

    public static final String MD_PARAGRAPH = "md-paragraph";
    public static final String MD_TEXT = "md-text";
    public static final String MD_STRONG = "md-strong";
    public static final String MD_EMPHASIS = "md-emphasis";
    public static final String MD_CODE = "md-code";
    public static final String MD_LINK = "md-link";
    public static final String MD_CODE_BLOCK = "md-code-block";
    public static final String MD_CODE_TEXT = "md-code-text";
    public static final String MD_LIST = "md-list";
    public static final String MD_LIST_ITEM = "md-list-item";
    public static final String MD_LIST_MARKER = "md-list-marker";
    public static final String MD_QUOTE = "md-quote";
    public static final String MD_TABLE = "md-table";
    public static final String MD_TABLE_HEADER = "md-table-header";
    public static final String MD_TABLE_CELL = "md-table-cell";
    public static final String INVALID = "invalid";
    public static final String LIST_ITEM = "list-item";
    public static final String PROBLEMS = "problems";
    public static final String PROBLEM_ERROR = "problem-error";
    public static final String PROBLEM_WARNING = "problem-warning";
    /** A message inspector row of an event that broke a data contract and went on ({@code warn}). */
    public static final String MESSAGE_WARNING = "message-warning";

    public static final String STATUS_BAR = "status-bar";
    public static final String SECTION_TITLE = "section-title";
    public static final String GALLERY = "gallery";
    public static final String GALLERY_CARD = "gallery-card";
    public static final String GALLERY_HEADING = "gallery-heading";
    public static final String CARD_TITLE = "card-title";
    public static final String CARD_DESCRIPTION = "card-description";
    public static final String TAG = "tag";
    public static final String MUTED = "muted";
    public static final String CODE = "code";
    public static final String SUGGESTIONS = "suggestions";
    public static final String NODE_URLS = "node-urls";
    public static final String NODE_URL = "node-url";
    public static final String NODE_LIVE = "node-live";
    public static final String LIVE_DOT = "live-dot";
    public static final String LIVE_FIGURES = "live-figures";
    /** Followed by running, waiting or error. */
    public static final String STATUS_PREFIX = "status-";

    public static final String TRACED = "traced";
    public static final String UNTRACED = "untraced";
    public static final String TRACE_STEP = "trace-step";
    public static final String BOTTOM_TABS = "bottom-tabs";
    /** The policies line above the run tabs, and its notes: an edit to apply, a file not applied. */
    public static final String POLICIES_BAR = "policies-bar";

    public static final String POLICIES_PENDING = "policies-pending";
    public static final String POLICIES_PROBLEM = "policies-problem";
    public static final String JSON_TREE = "json-tree";
    public static final String RUN_BUTTON = "run-button";

    private Styles() {}
}
