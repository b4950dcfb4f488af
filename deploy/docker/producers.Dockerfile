# The producers (producers.jar: simulate, replay, connect, reference). Build from the repository root:
#   docker build -f deploy/docker/producers.Dockerfile -t market-metrics/producers .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl producers -am package -DskipTests

FROM eclipse-temurin:17-jre
COPY --from=build /src/producers/target/producers.jar /opt/market-metrics/producers.jar
COPY config /opt/market-metrics/config
EXPOSE 9400
ENTRYPOINT ["java", "-jar", "/opt/market-metrics/producers.jar"]
CMD ["--help"]
