// Series' users see the shared calendar arithmetic as before.
@_exported import TimeBase
