/// The chart assets inside `Sources/Server/Public`, served under `/static/`.
///
/// The layout links the stylesheet on every page; the script is an ES module, loaded with
/// `<script type="module" src="/static/js/charts.js?v=…">` or imported from the app's own module.
public enum ChartAssets {
    /// Relative to `Public/`, as the layout's asset helper takes it.
    public static let stylesheet = "css/charts.css"
    public static let script = "js/charts.js"
}
