/// Where the server publishes the chart assets (from `Sources/Server/Public`), for the page layout's
/// `<link rel="stylesheet">` and `<script type="module">`; append the app's cache-busting `?v=…`.
public enum ChartAssets {
    public static let stylesheetPath = "/static/css/charts.css"
    public static let scriptPath = "/static/js/charts.js"
}
