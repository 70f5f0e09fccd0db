import Foundation
import Hummingbird
import Platform
import Storage
import WebUI

enum JobPages {
    struct SubmitForm: Decodable {
        let csrfToken: String?
        let kind: String?
        enum CodingKeys: String, CodingKey { case csrfToken = "csrf_token", kind }
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/jobs", access: .permission(.jobsRead), kind: .page, summary: "Jobs", tag: "web")) { request, context in
            let identity = try context.requireIdentity()
            let before = try Query(request).string("before").map(JobRoutes.decodeJobCursor)
            let jobs = try await JobRepository(platform.database.db, kind: platform.database.kind).list(
                JobFilter(createdBy: identity.can(.jobsReadAll) ? nil : identity.user.id), before: before, limit: 51)
            let shown = Array(jobs.prefix(50))
            let next = jobs.count > 50 ? shown.last.map { last in
                "/jobs?before=" + "\(last.createdAt.timeIntervalSince1970)|\(last.id.uuidString)".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            } : nil
            let kinds = platform.jobs.registry.all.filter { kind in
                identity.can(.jobsSubmit) && (kind.submitPermission.map(identity.can) ?? false)
            }.map { (name: $0.name, summary: $0.summary) }
            let model = JobsPage.Model(
                jobs: try await WebRoutes.jobRows(shown, identity: identity, platform: platform), nextPage: next,
                submittableKinds: kinds)
            return PageSupport.html(JobsPage.render(model, context: PageSupport.context(request, context)))
        }

        routes.add(Endpoint(.post, "/jobs", access: .permission(.jobsSubmit), kind: .page, summary: "Start a job (form)",
                            tag: "web", audit: "job.submit")) { request, context in
            let identity = try context.requireIdentity()
            let form = try await PageSupport.form(SubmitForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            _ = try await JobRoutes.submit(kind: form.kind ?? "", payload: .object([:]), identity: identity, context: context,
                                           platform: platform)
            return PageSupport.redirect("/jobs?done=job-submitted")
        }

        routes.add(Endpoint(.post, "/jobs/:id/cancel", access: .permission(.jobsCancel), kind: .page, summary: "Cancel a job (form)",
                            tag: "web", audit: "job.cancel")) { request, context in
            let form = try await PageSupport.form(WebRoutes.CSRFForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            _ = try await JobRoutes.cancel(context: context, platform: platform)
            return PageSupport.redirect("/jobs?done=job-cancelled")
        }
    }
}
