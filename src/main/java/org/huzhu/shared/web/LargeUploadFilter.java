package org.huzhu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.http.server.PathContainer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Multipart uploads to the few endpoints allowed more than the container's limits (10 MB a file,
 * 20 MB a request): this filter reads them as a stream, straight to temporary files, and stops
 * at the endpoint's own limit while reading (413), before anything is held in memory. It runs
 * after authentication, so only logged-in callers reach the disk; the files are deleted when the
 * request ends.
 */
public final class LargeUploadFilter extends OncePerRequestFilter {

    private static final int FIELD_LIMIT = 64 * 1024;
    private static final PathPatternParser PATTERNS = new PathPatternParser();

    private final Map<PathPattern, DataSize> limits = new LinkedHashMap<>();
    private final Path tempDir;

    public LargeUploadFilter(Map<String, DataSize> limitsByPath, Path tempDir) {
        limitsByPath.forEach((path, limit) -> limits.put(PATTERNS.parse(path), limit));
        this.tempDir = tempDir;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limitOf(request);
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        List<Path> stored = new ArrayList<>();
        try {
            MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
            Map<String, String[]> fields = new LinkedHashMap<>();
            try {
                read(request, limit.toBytes(), files, fields, stored);
            } catch (FileUploadException | FileUploadIOException e) {
                if (e instanceof SizeException || e.getCause() instanceof SizeException) {
                    problem(response, 413, "上传文件过大", "上传文件超过了允许的大小（" + limit.toMegabytes() + " MB）", request);
                } else {
                    problem(response, 400, "输入有误", "请以 multipart/form-data 方式上传文件", request);
                }
                return;
            }
            chain.doFilter(new DefaultMultipartHttpServletRequest(request, files, fields, Map.of()), response);
        } finally {
            for (Path file : stored) Files.deleteIfExists(file);
        }
    }

    private DataSize limitOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) return null;
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) return null;
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Map.Entry<PathPattern, DataSize> e : limits.entrySet()) if (e.getKey().matches(path)) return e.getValue();
        return null;
    }

    private void read(HttpServletRequest request, long limit, MultiValueMap<String, MultipartFile> files,
                      Map<String, String[]> fields, List<Path> stored) throws IOException {
        FileUpload upload = new FileUpload();
        upload.setSizeMax(limit + FIELD_LIMIT);
        upload.setFileSizeMax(limit);
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        FileItemIterator items = upload.getItemIterator(new UploadRequest(request));
        Files.createDirectories(tempDir);
        while (items.hasNext()) {
            FileItemStream item = items.next();
            try (InputStream in = item.openStream()) {
                if (item.isFormField()) {
                    byte[] value = in.readNBytes(FIELD_LIMIT);
                    fields.merge(item.getFieldName(), new String[] {new String(value, StandardCharsets.UTF_8)},
                            (a, b) -> java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new));
                } else {
                    Path file = Files.createTempFile(tempDir, "upload-", ".part");
                    stored.add(file);
                    long size = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    files.add(item.getFieldName(), new StoredFile(item.getFieldName(), item.getName(), item.getContentType(), file, size));
                }
            }
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
                                HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "")
                + "\",\"errors\":[{\"field\":\"file\",\"message\":\"" + detail + "\"}]}");
    }

    private record UploadRequest(HttpServletRequest request) implements UploadContext {
        @Override
        public long contentLength() {
            return request.getContentLengthLong();
        }

        @Override
        public String getCharacterEncoding() {
            return request.getCharacterEncoding();
        }

        @Override
        public String getContentType() {
            return request.getContentType();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return request.getInputStream();
        }
    }

    /** An uploaded file kept on disk for the length of the request. */
    private record StoredFile(String name, String originalFilename, String contentType, Path file, long size)
            implements MultipartFile {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getOriginalFilename() {
            return originalFilename;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        public byte[] getBytes() throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void transferTo(java.io.File dest) throws IOException {
            Files.copy(file, dest.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
